// The single tables file of the enforcement module: each area's tables file re-exported (drizzle-kit input).
export {};
