'use client'

/** Opens the browser's print dialog (print, or save as PDF); the page's print styles leave out the admin's chrome. */
export function PrintButton() {
  return (
    <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={() => window.print()}>
      打印 / 存为 PDF
    </button>
  )
}
