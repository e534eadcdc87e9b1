/**
 * The dispatch panel is a UI field among the order's dispatch fields (orderFields.ts), so the order collection
 * needs no edit-view tab for it; kept for the contract with the orders code.
 */
export const dispatchViews = {}
