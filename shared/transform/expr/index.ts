export { type Ast, type BinaryOp, type CallArg, ExprError, type UnaryOp, type VarRange, walk } from './ast';
export { checkVariables, compileExpr, variablesOf } from './compile';
export { evaluateFilter, evaluateNumeric } from './evaluate';
export { FUNCTIONS } from './functions';
export { parseExpr } from './parse';
export { formatExpr } from './print';
