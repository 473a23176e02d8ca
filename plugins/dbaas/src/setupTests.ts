import '@testing-library/jest-dom';

// The full suite runs every package's tests in parallel on two cores; a
// rendered page with material-table can then take longer than jest's 5 s.
jest.setTimeout(30_000);
