import { KeyedLock } from './lock';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('serialises work on one key so read-modify-write does not interleave', async () => {
    // Arrange
    const lock = new KeyedLock();
    let balance = 0;
    const add = () =>
      lock.run('k', async () => {
        const seen = balance;
        await tick();
        balance = seen + 1;
      });
    // Act
    await Promise.all(Array.from({ length: 20 }, add));
    // Assert
    expect(balance).toBe(20);
  });

  it('lets different keys run at the same time', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let releaseA!: () => void;
    const a = lock.run('a', () => new Promise<void>((r) => (releaseA = r)).then(() => void order.push('a')));
    await lock.run('b', async () => void order.push('b'));
    releaseA();
    await a;
    expect(order).toEqual(['b', 'a']);
  });

  it('releases the key when the work throws', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run('k', async () => 7)).resolves.toBe(7);
  });
});
