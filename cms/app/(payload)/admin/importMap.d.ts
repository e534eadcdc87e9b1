// Types for the import map that `payload generate:importmap` writes as plain JavaScript.
export declare const importMap: import('payload').ImportMap
