/** The household islands' parts, for the pages that need a verified phone (holiday registration, 我的报名). */
export { ChildrenEditor } from './ChildrenEditor.tsx'
export { type HouseholdChild, householdApi, signOut } from './householdState.ts'
export { type Household, useHousehold } from './useHousehold.ts'
export { VerifyPhone } from './VerifyPhone.tsx'
