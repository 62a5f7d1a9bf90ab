
// packages/core/dist/basics.js
var EXIT = { passed: 0, failed: 1, incomplete: 2, usage: 3, internal: 4 };
var FAIL_ON = ["P0", "P1", "P2", "none"];
var LAYERS = ["files", "gcp", "k8s", "probe"];
var ConfigError = class extends Error {
  file;
  path;
  line;
  name = "ConfigError";
  constructor(message, file, path, line) {
    super(message);
    this.file = file;
    this.path = path;
    this.line = line;
  }
};
var BaselineError = class extends Error {
  name = "BaselineError";
};

export {
  EXIT,
  FAIL_ON,
  LAYERS,
  ConfigError,
  BaselineError
};
