/**
 * The one global the engine uses that ES2023 does not declare: structuredClone, which browsers,
 * workers and Node (17+) all have (tsconfig.engine.json has neither the DOM's types nor Node's).
 */
declare function structuredClone<T>(value: T): T;
