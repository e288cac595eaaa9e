/**
 * Stands in for @types/koa in the layers that run in the browser (tsconfig.engine.json, tsconfig.ui.json).
 * boardgame.io's main declarations import Koa for their server types, and @types/koa references
 * @types/node, which would put Node's globals (process, Buffer, setImmediate…) in scope for code
 * that never runs on Node. Nothing in those layers uses the server types; this keeps Node out.
 */
declare namespace Koa {
  type DefaultState = never;
  type DefaultContext = never;
}
/** Only ever named as `Koa<State, Context>` (boardgame.io's Server.App), never used in these layers. */
type Koa<_State, _Context> = never;
export = Koa;
