/** A refusal to start that the operator can act on (bad configuration, key, lock): printed without a stack trace. */
export class StartupError extends Error {}
