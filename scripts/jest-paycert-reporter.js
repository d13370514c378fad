/** Jest loads reporters without its transform: compile the TypeScript reporter on load. */
require('./register-ts');
module.exports = require('../src/jest/reporter.ts').default;
