// The contract's instants live with the verifier (the page reads trust lists too); the gateway's callers keep
// this name.

export { formatInstant, parseInstant } from '../../verifier/contract-instant';
