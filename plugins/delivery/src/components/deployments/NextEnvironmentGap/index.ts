export { NextEnvironmentGap } from './NextEnvironmentGap';
