/**
 * Nothing phones home: the Pact core sends anonymous usage events unless PACT_DO_NOT_TRACK is set.
 * paycert sets it to true for every Pact call (its own process and the children that inherit its
 * environment) unless the user has set it otherwise. Imported before pact-js by every module that
 * loads it.
 */
if (process.env.PACT_DO_NOT_TRACK === undefined) process.env.PACT_DO_NOT_TRACK = 'true';

export {};
