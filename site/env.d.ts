/// <reference types="astro/client" />
// Deliberately not .astro/types.d.ts: that file only exists after `astro sync`, which needs the database.
// lib/content.ts types entries from the collection schemas instead.
