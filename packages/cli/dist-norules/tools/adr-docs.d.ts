export declare const CONCERN_CATALOG_DOC = "docs/design/adr-001-concerns.md";
export declare function renderConcernTable(): string;
/**
 * Why some keys are younger than others: the keys that bundled several checks until issue 18, what each
 * kept and where the rest went, so a finding or a note filed under the old key can be followed.
 */
export declare function renderSplitTable(): string;
export declare function renderSectionTable(): string;
/**
 * The document with each `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` block rewritten from the
 * data; throws when a block's markers are missing (a hand edit removed them).
 */
export declare function renderConcernCatalog(current: string): string;
//# sourceMappingURL=adr-docs.d.ts.map