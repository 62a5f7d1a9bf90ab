export {};
//# sourceMappingURL=generate-docs.d.ts.map