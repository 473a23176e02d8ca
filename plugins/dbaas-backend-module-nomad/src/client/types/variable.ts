/** A Nomad Variable (api-docs/variables/variables). Items are strings only. */
export interface NomadVariable {
  Namespace: string;
  Path: string;
  Items: Record<string, string>;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime?: number;
  ModifyTime?: number;
}

/** `GET /v1/acl/token/self`. */
export interface NomadAclToken {
  AccessorID: string;
  SecretID?: string;
  Name: string;
  Type: 'client' | 'management';
  Policies: string[] | null;
  Global?: boolean;
}

export interface NomadNamespace {
  Name: string;
  Description?: string;
}
