/** Types of build.mjs, for the test that checks the committed module against it. */
export declare const GENERATED: string;
export declare function pageModule(): string;
