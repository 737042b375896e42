// A promise that settles after `ms`, on the host's timer.
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
