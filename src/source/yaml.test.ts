import { UserError } from '../core/errors';
import { parseYaml } from './yaml';
import { YAML_LIMITS } from './yaml-limits';

/** The one-line error parsing `text` gives, or null when it parses. */
function refusal(text: string, limits = YAML_LIMITS): string | null {
  try {
    parseYaml('f.yaml', text, limits);
    return null;
  } catch (error) {
    if (error instanceof UserError) return error.oneLine();
    throw error;
  }
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('parseYaml within limits', () => {
  it('reads an ordinary document with anchors and aliases', () => {
    const source = parseYaml('f.yaml', 'a: &x { b: [1, 2] }\nc: *x\n');
    expect(source.value).toEqual({ a: { b: [1, 2] }, c: { b: [1, 2] } });
  });

  it('nesting: 64 levels are read, 65 are refused, and 20,000 or 5,000 block levels never reach the composer', () => {
    // Arrange
    const block = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n').slice(0, 1_000_000);
    // Act / Assert
    expect(refusal(nested(64))).toBeNull();
    expect(refusal(nested(65))).toBe('f.yaml:1:65: nested deeper than 64 levels');
    expect(refusal(`${'- '.repeat(20_000)}1\n`)).toMatch(/^f\.yaml:1:\d+: nested deeper than 64 levels$/);
    expect(refusal(block)).toMatch(/^f\.yaml:\d+:\d+: nested deeper than 64 levels$/);
  });

  it('an alias bomb is refused at its first alias', () => {
    // Arrange: each level repeats the one before nine times (9^6 values from a few lines)
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    // Act / Assert
    expect(refusal(`${lines.join('\n')}\n`)).toMatch(/^f\.yaml:2:\d+: its aliases expand too far \(aliases of aliases: an alias bomb\?\)/);
  });

  it('a wide alias expansion (anchors used over and over) is refused by the count of values', () => {
    // Arrange: the YAML library allows 100 uses of each anchor; three anchors of 500 values, each used 90 times
    const anchors = ['a', 'b', 'c'].map((name) => `${name}: &${name} [${Array(500).fill('1').join(', ')}]`);
    const uses = ['a', 'b', 'c'].map((name) => `${name}s: [${Array(90).fill(`*${name}`).join(', ')}]`);
    const text = `${[...anchors, ...uses].join('\n')}\n`;
    // Act / Assert
    expect(refusal(text, { ...YAML_LIMITS, maxValues: 100_000 })).toMatch(/more than 100000 values once its aliases are expanded/);
  });

  it('an alias with no anchor before it, and an alias inside its own anchor, are refused at their place', () => {
    expect(refusal('a: 1\nb: *nope\n')).toBe('f.yaml:2:4: the alias *nope names no anchor (&nope) set before it');
    expect(refusal('a: &a [1, *a]\n')).toBe('f.yaml:1:11: a[1]: a value that contains itself (a recursive alias)');
  });

  it('a string over 64 KiB is refused at its place, one of 64 KiB is read', () => {
    expect(refusal(`a:\n  b: "${'x'.repeat(64 * 1024)}"\n`)).toBeNull();
    expect(refusal(`a:\n  b: "${'x'.repeat(64 * 1024 + 1)}"\n`)).toBe('f.yaml:2:6: a.b: a string of 65537 characters, more than the 65536 paycert reads');
  });

  it('a file over the size, token or key limits is refused without composing it', () => {
    expect(refusal('#'.repeat(2 * 1024 * 1024 + 1))).toBe('f.yaml: the file has 2097153 characters, more than the 2 MiB paycert reads');
    expect(refusal(`${Array(150_000).fill('- 1').join('\n')}\n`)).toMatch(/^f\.yaml:\d+:\d+: more than 200000 YAML tokens$/);
    expect(refusal(`${Array.from({ length: 1001 }, (_, i) => `k${i}: 1`).join('\n')}\n`)).toMatch(/^f\.yaml:\d+:\d+: a mapping of more than 1000 keys$/);
  });

  it('control bytes, a BOM and CRLF line ends are read or refused as YAML says, never thrown', () => {
    expect(parseYaml('f.yaml', '\uFEFFa: 1\r\nb: 2\r\n').value).toEqual({ a: 1, b: 2 });
    expect(refusal('a: "x\u0000y"\nb: [\n')).toMatch(/^f\.yaml:\d+:\d+: invalid YAML/);
  });
});
