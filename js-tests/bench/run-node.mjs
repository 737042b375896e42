// node run-node.mjs <none|floor|lib|native>: prints the await benchmark as one JSON line.
import { awaitBench } from './await.mjs';

console.log(JSON.stringify(await awaitBench(process.argv[2] ?? 'none')));
