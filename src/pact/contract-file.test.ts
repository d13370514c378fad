/** A contract says which profile it is for; its interactions need the state hook when their profile says so. */
import { allProfiles, profileNames } from '../profiles';
import { contractProfile, needsStateHook, paycertInteractions, profileOfComment, type ContractDocument } from './contract-file';

const withContract = allProfiles().filter((p) => p.contract !== undefined);

const contractOf = (profile: string | undefined, states: string[] = []): ContractDocument => ({
  consumer: { name: 'c' },
  provider: { name: 'p' },
  interactions: [
    { description: 'not ours' },
    { description: 'ours', providerStates: states.map((name) => ({ name })), comments: { paycert: { interaction: 'x.contract.y', ...(profile !== undefined && { profile }), check: { level: 'MUST', clause: 'c' } } } },
  ],
});

describe('contract files', () => {
  it('keeps only the interactions paycert wrote', () => {
    expect(paycertInteractions(contractOf(undefined)).map((i) => i.description)).toEqual(['ours']);
  });

  it('a comment without a profile is the default profile\'s; one with a profile is that profile\'s', () => {
    // Arrange
    const [first] = allProfiles();
    // Act / Assert
    expect(profileOfComment({}).name).toBe(first!.name);
    for (const name of profileNames()) expect(profileOfComment({ profile: name }).name).toBe(name);
  });

  it.each(withContract.map((p) => [p.name, p] as const))('a contract of %s is its profile\'s, and its state-hook states are the ones that need a state hook', (name, profile) => {
    // Arrange
    const hooked = contractOf(name, [profile.contract!.stateHookStates[0]!]);
    const plain = contractOf(name, ['a state no hook serves']);
    // Act
    const found = contractProfile(hooked);
    // Assert
    expect(found.name).toBe(name);
    expect(needsStateHook(paycertInteractions(hooked)[0]!, found.contract)).toBe(true);
    expect(needsStateHook(paycertInteractions(plain)[0]!, found.contract)).toBe(false);
  });

  it('a contract of a profile without a contract side is refused, as is an unknown profile', () => {
    // Arrange
    const without = allProfiles().find((p) => p.contract === undefined);
    // Act / Assert
    if (without) expect(() => contractProfile(contractOf(without.name))).toThrow(`the profile "${without.name}" has no Pact contract`);
    expect(() => contractProfile(contractOf('no-such-profile'))).toThrow(/unknown profile "no-such-profile"/);
  });
});
