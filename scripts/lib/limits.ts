// The request body limit the local runners give the app (adapter-node's
// BODY_SIZE_LIMIT, 512K by default): a photo upload is one image of up to
// 10 MB (MAX_UPLOAD_BYTES in src/lib/server/images/process.ts) with the text of
// its form. A deployment sets the same variable (README, "Images").
export const UPLOAD_BODY_SIZE_LIMIT = '11M';
