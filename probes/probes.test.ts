/**
 * The generated probes keep the authoring rules every scenario of specs/ keeps (`paycert lint`
 * checks those when it loads them): an id of their profile, a clause of their profile at its
 * level, their needs declared, real built-in references, and requests that can be sent, of
 * their profile's operations.
 */
import { profileNamed } from '../src/profiles';
import { authoringProblems } from '../src/scenario/authoring-rules';
import { inputProblems } from '../src/scenario/input-rules';
import { expandFamily } from '../src/probe/family';
import { PROBE_FILES, probeFamilies } from '.';

describe('the probe families', () => {
  it('expand into scenarios that keep the authoring rules and the input rules', () => {
    // Act
    const problems = PROBE_FILES.flatMap((file) =>
      probeFamilies(file)
        .flatMap((family) => expandFamily(family, file))
        .flatMap((s) => [...authoringProblems(s, profileNamed(s.profile)), ...inputProblems(s, profileNamed(s.profile))].map((p) => `${s.id}: ${p.path.join('.')}: ${p.message}`)),
    );
    // Assert
    expect(problems).toEqual([]);
  });

  it('give every case a distinct id', () => {
    const ids = PROBE_FILES.flatMap((file) => probeFamilies(file).flatMap((family) => expandFamily(family, file).map((s) => s.id)));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
