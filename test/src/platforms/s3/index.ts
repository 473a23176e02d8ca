export { TestS3 } from './TestS3';
export { MIN_PART_BYTES } from './S3Buckets';
