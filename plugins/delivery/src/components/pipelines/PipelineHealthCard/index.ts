export { PipelineHealthCard, PipelineHealthView } from './PipelineHealthCard';
