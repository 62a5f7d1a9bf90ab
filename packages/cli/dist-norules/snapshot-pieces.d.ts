/** The snapshot's value, or undefined when the bytes are not laid out as cut here (parse them whole). */
export declare function parseSnapshotPieces(bytes: Buffer): unknown;
//# sourceMappingURL=snapshot-pieces.d.ts.map