/** The harness's crypto: pure functions over bytes, no I/O. */
export * from './aes';
export * from './canonical';
export * from './cmac';
export * from './envelope';
export * from './envelope-errors';
export * from './hex';
export * from './kcv';
export * from './signature';
