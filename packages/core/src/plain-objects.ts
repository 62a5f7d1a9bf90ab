/** The most room a maker gives: sixteen assignments in its constructor's code, plus V8's eight. */
export const PLAIN_OBJECT_ROOM_MAX = 24;

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
 * has that room, whatever the order the others come in. V8 starts a constructor with room for the members its
 * code assigns to `this` plus eight (ten when it assigns none), then shrinks it to the widest: the maker's
 * constructor names sixteen it never assigns, so a room of up to `PLAIN_OBJECT_ROOM_MAX` is kept (a verdict
 * has up to 21 members). Members past the room still go to a property array, as they would on `{}`.
 *
 * What a maker makes is a plain object like `{}`: prototype `Object.prototype`, `constructor` `Object`, its
 * own members those assigned, in the order assigned (JSON, key order, spreads, `structuredClone` and deep
 * equality see no difference).
 */
export function plainObjectMaker<T extends object>(room: number): () => T {
  if (room > PLAIN_OBJECT_ROOM_MAX) throw new Error(`a plain object's room is at most ${PLAIN_OBJECT_ROOM_MAX}`);
  // Never assigned (no caller passes `grow`): V8 counts these assignments when it sizes the constructor's objects.
  function PlainObject(this: Record<string, number>, grow?: true) {
    if (grow) {
      this.a = 0;
      this.b = 0;
      this.c = 0;
      this.d = 0;
      this.e = 0;
      this.f = 0;
      this.g = 0;
      this.h = 0;
      this.i = 0;
      this.j = 0;
      this.k = 0;
      this.l = 0;
      this.m = 0;
      this.n = 0;
      this.o = 0;
      this.p = 0;
    }
  }
  PlainObject.prototype = Object.prototype;
  const make = () => new (PlainObject as unknown as new () => T)();
  const widest = make() as Record<string, number>;
  for (let i = 0; i < room; i++) widest[`m${i}`] = i;
  return make;
}
