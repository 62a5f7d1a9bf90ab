/**
 * Plain objects with room for the members assigned to them after they are made (issue 19).
 *
 * V8 keeps an object's members inside the object only up to the room its hidden class gives: a literal gets
 * room for the members it names (`{}` for four), and members assigned after that go to a separate property
 * array: one more heap object per object, which every scavenge copies and every full collection marks, and one
 * more step per read. The live Kubernetes items and views are built member by member (which members depends
 * on the object), so a 16× live scan kept ~100,000 such arrays to its end.
 *
 * A constructor's objects get the room of the widest object it made among its first few (V8's in-object
 * slack tracking); a maker's constructor makes one object of `room` members first, so every object it makes
 * has that room, whatever the order the others come in. V8 gives at most ten this way: members past the room
 * still go to a property array, as they would on `{}`.
 *
 * What a maker makes is a plain object like `{}`: prototype `Object.prototype`, `constructor` `Object`, its
 * own members those assigned, in the order assigned (JSON, key order, spreads, `structuredClone` and deep
 * equality see no difference).
 */
export function plainObjectMaker<T extends object>(room: number): () => T {
  function PlainObject() {}
  PlainObject.prototype = Object.prototype;
  const make = () => new (PlainObject as unknown as new () => T)();
  const widest = make() as Record<string, number>;
  for (let i = 0; i < room; i++) widest[`m${i}`] = i;
  return make;
}
