import '@testing-library/jest-dom';

// See plugins/dbaas/src/setupTests.ts: the whole app renders on two busy cores.
jest.setTimeout(30_000);
