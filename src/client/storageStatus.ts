/**
 * What My data shows about the browser's storage: which engine keeps the data, whether the browser
 * keeps it for good, and the data set aside because it could not be read. Islands reach storage
 * only through src/client, so My data reads these here.
 */
export { readQuarantined, storageInfo, type StorageInfo } from '../storage/browserStore';
