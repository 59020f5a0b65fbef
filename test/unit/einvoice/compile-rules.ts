import { compileRules } from './validate';

export default compileRules;
