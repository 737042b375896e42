// MessageChannel: each message runs in the frame of its postMessage.
//
// A channel has two ends; each end keeps the frames of the messages in
// flight to it, oldest first, and each host delivery on its port takes the
// oldest (events.js counts every delivery, heard or not). A frame is queued
// only when a message really leaves: a port that was transferred is
// neutered (its posts send nothing), so from then on its posts queue nothing.
// Its end goes with it:
// - to a new port of this realm (structuredClone's result, or event.ports of
//   a message delivered here), which keeps the queue of messages in flight;
// - elsewhere (another realm, or a route this realm cannot follow, such as a
//   window's or a worker's postMessage): the end is gone, its partner's posts
//   queue nothing, and the messages it sends run in the root frame.
// So a delivery never takes the frame of a message that was not sent.
import { ROOT, currentFrame } from '../core/context.js';
import { patchConstructor, patchFunction } from './wrap.js';

// An end: { queue: frames (or sent messages, below) of the messages in flight to it,
// oldest first, partner: the other end, gone: moved out of this realm's view }.
const newEnd = () => ({ queue: [], partner: null, gone: false });

// A message that transferred ports to the partner in this realm, { frame,
// ends }: their ends wait for the delivery, which names their new ports
// (event.ports). Told from a frame (an array) by not being one.
const isSent = (entry) => entry !== undefined && !Array.isArray(entry);

// port (made by a patched MessageChannel, or a port an end moved to) -> end
const ends = new WeakMap();
// MessageEvent delivered by the host -> frame of its postMessage
const messageFrames = new WeakMap();
// ports whose deliveries are counted (see countDeliveries)
const counted = new WeakSet();

export function messageFrameOf(event) {
  return messageFrames.get(event);
}

// Each host delivery on a port takes the frame of the oldest message in
// flight, whether a listener hears it or not: a listener of ours, added
// before the page's first listener (or start()), sees every delivery.
// `delivered(event)` tells the host's deliveries from synthetic events.
export function countDeliveries(port, addListener, delivered) {
  if (!ends.has(port) || counted.has(port)) return;
  counted.add(port);
  addListener.call(port, 'message', (event) => {
    if (!delivered(event)) return;
    const entry = ends.get(port)?.queue.shift();
    if (isSent(entry)) {
      entry.ends.forEach((end, i) => arrive(end, event.ports?.[i]));
      messageFrames.set(event, entry.frame);
    } else {
      messageFrames.set(event, entry ?? ROOT);
    }
  });
}

// `end` now belongs to `port` (a port of this realm), or is gone.
function arrive(end, port) {
  if (port === undefined || port === null || ends.has(port)) end.gone = true;
  else ends.set(port, end);
}

// The tracked ports in a transfer list: postMessage's (an array, or
// { transfer }) or structuredClone's ({ transfer }).
function transferred(options) {
  const list = Array.isArray(options) ? options : options !== null && typeof options === 'object' ? options.transfer : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((item) => ends.has(item));
}

// Ports moved away by a call that succeeded: their ends leave them.
function leave(ports) {
  return ports.map((port) => {
    const end = ends.get(port);
    ends.delete(port);
    return end;
  });
}

export function installPorts(global) {
  const port = global.MessagePort?.prototype;
  if (!port || !global.MessageChannel) return;
  patchConstructor(global, 'MessageChannel', null, (channel) => {
    const one = newEnd();
    const two = newEnd();
    one.partner = two;
    two.partner = one;
    ends.set(channel.port1, one);
    ends.set(channel.port2, two);
  });

  patchFunction(port, 'postMessage', (post) => function (...args) {
    const moving = args.slice(1).flatMap(transferred);
    const result = Reflect.apply(post, this, args);
    const partner = ends.get(this)?.partner;
    const live = partner && !partner.gone;
    const moved = leave(moving);
    if (!live) for (const end of moved) end.gone = true;
    else partner.queue.push(moved.length > 0 ? { frame: currentFrame(), ends: moved } : currentFrame());
    return result;
  });

  // structuredClone(value, { transfer }): the clone holds the new ports,
  // found by cloning them beside the value (one graph keeps identities).
  patchFunction(global, 'structuredClone', (clone) => function (...args) {
    const moving = transferred(args[1]);
    if (moving.length === 0) return Reflect.apply(clone, this, args);
    const [value, newPorts] = Reflect.apply(clone, this, [[args[0], moving], ...args.slice(1)]);
    moving.forEach((port, i) => {
      // Where the host moved nothing (Bun answers the same port), nothing moves.
      if (newPorts[i] !== port) arrive(leave([port])[0], newPorts[i]);
    });
    return value;
  });

  // Other routes a port can leave by: it is gone from this realm's view.
  const goneWith = (target, name) =>
    patchFunction(target, name, (post) => function (...args) {
      const moving = args.slice(1).flatMap(transferred);
      const result = Reflect.apply(post, this, args);
      for (const end of leave(moving)) end.gone = true;
      return result;
    });
  goneWith(global, 'postMessage');
  for (const name of ['Worker', 'ServiceWorker', 'Client', 'DedicatedWorkerGlobalScope']) goneWith(global[name]?.prototype, 'postMessage');
}
