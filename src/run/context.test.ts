import { referenceTarget } from './resolve-target';
import { exportRunContext, importRunContext, newRunOptions } from './context';

describe('the run context in the environment', () => {
  it('comes back as it went, a key held as bytes as bytes', () => {
    // Arrange
    const env: NodeJS.ProcessEnv = {};
    const target = referenceTarget('http://127.0.0.1:1', 'http://127.0.0.1:1/_conformance/state', true, 'viopay-pos');
    const options = newRunOptions({ runId: 'r1', tags: ['x'] });
    // Act
    exportRunContext({ target, options }, env);
    const back = importRunContext(env);
    // Assert
    expect(back).toEqual({ target, options });
    expect(Buffer.isBuffer((back?.target.settings as { msk: unknown }).msk)).toBe(true);
  });

  it('is undefined when no run was exported', () => {
    expect(importRunContext({})).toBeUndefined();
  });
});
