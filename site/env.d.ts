/// <reference types="astro/client" />
// Deliberately not .astro/types.d.ts: that file only exists after `astro sync`, which needs the database.
// lib/content.ts types entries from the collection schemas instead.

declare namespace App {
  interface Locals {
    /** Payload's REST API on this server (`http://127.0.0.1:<port>/api`): set by cms/server/httpServer.ts for /preview/. */
    payloadApi?: string
    /** The static page a page rendered on demand stands for (pages/render; see lib/urls.ts pagePath). */
    pagePath?: string
  }
}
