export * from './engineArtifact';
export * from './verifyArtifact';
export * from './buildEngineArtifact';
export * from './FolderArtifactStore';
