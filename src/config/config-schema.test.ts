import { profileNames } from '../profiles';
import { targetConfigHints, targetConfigSchema } from './config-schema';
import { parseTargetConfig } from './load-config';

describe('the target config schema, assembled from the profiles', () => {
  it('offers every registered profile name and every profile field', () => {
    // Act
    const schema = targetConfigSchema() as { properties: Record<string, { enum?: string[] }> };
    // Assert
    expect(schema.properties.profile?.enum).toEqual(profileNames());
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['base_url', 'state_url', 'cards', 'terminal_id', 'msk', 'tokens', 'viva']));
  });

  it('requires a profile\'s fields of its own configs only', () => {
    // Arrange
    const vpws = 'profile: vpws\nbase_url: http://127.0.0.1:1\n';
    const viva = 'profile: viva-interapp\nbase_url: http://127.0.0.1:1\n';
    // Act
    const refused = () => parseTargetConfig('t.yaml', vpws, {});
    // Assert
    expect(refused).toThrow(/tokens/);
    expect(parseTargetConfig('t.yaml', viva, {}).profile).toBe('viva-interapp');
  });

  it('keeps the shared hints and adds each profile\'s', () => {
    const hints = targetConfigHints({ base_url: 'a URL' });
    expect(hints).toMatchObject({ base_url: 'a URL', msk: expect.stringMatching(/64 hex digits/) });
  });
});
