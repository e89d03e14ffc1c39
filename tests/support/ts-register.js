// Lets a plain `node` child process load TypeScript sources: `node -r ./tests/support/ts-register.js x.ts`.
// Tests that must kill a real process (durability under kill -9) spawn their children this way.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  });
  module._compile(code, filename);
};
