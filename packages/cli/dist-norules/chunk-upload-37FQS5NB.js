import {
  STORAGE_RETRY,
  UploadError,
  contentTypeOf,
  describe,
  folderTimestamp,
  parseUploadUrl,
  uploadResults
} from "./chunk-chunk-3R7XVXQS.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  STORAGE_RETRY,
  UploadError,
  contentTypeOf,
  describe,
  folderTimestamp,
  parseUploadUrl,
  uploadResults
};
