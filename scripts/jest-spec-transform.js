/**
 * Jest transform for `specs/<profile>/*.spec.yaml`: a spec file becomes a test module that registers its
 * scenarios (src/jest/register-spec.ts). The YAML is read again at run time, with positions, so
 * errors point at the spec file's own lines.
 */
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const REGISTER = join(__dirname, '..', 'src', 'jest', 'register-spec.ts');

module.exports = {
  process(_source, filename) {
    return { code: `require(${JSON.stringify(REGISTER)}).registerSpecFile(${JSON.stringify(filename)});\n` };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update('paycert-spec-1').update(filename).update(source).digest('hex');
  },
};
