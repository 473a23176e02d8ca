import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/** An owner the signed-in user may create an instance for. */
export interface OwnerChoice {
  ref: string;
  title: string;
}

/**
 * The user and the groups the catalog says they belong to: the refs the
 * permission policy checks a new instance's owner against.
 */
export function ownerRefsOf(identity: {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}): string[] {
  const refs = [...identity.ownershipEntityRefs, identity.userEntityRef].map(
    ref => stringifyEntityRef(parseEntityRef(ref)),
  );
  return [...new Set(refs)];
}

/** Whether a ref is one of them; refs compare without case, as the API's rule does. */
export function isOwnRef(ref: string, ownRefs: string[]): boolean {
  const wanted = stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  );
  return ownRefs.includes(wanted);
}

/** Groups first, by title, then the user; a ref the catalog does not know shows its name. */
export function toChoices(
  refs: string[],
  entities: (Entity | undefined)[],
  userEntityRef: string,
): OwnerChoice[] {
  const choices = refs.map((ref, i) => {
    const entity = entities[i];
    const profile = entity?.spec?.profile as
      | { displayName?: string }
      | undefined;
    const title =
      entity?.metadata.title ??
      profile?.displayName ??
      parseEntityRef(ref).name;
    return {
      ref,
      title:
        ref === stringifyEntityRef(parseEntityRef(userEntityRef))
          ? `${title} (you)`
          : title,
    };
  });
  const isUser = (c: OwnerChoice) => c.ref.startsWith('user:');
  return choices.sort(
    (a, b) =>
      Number(isUser(a)) - Number(isUser(b)) || a.title.localeCompare(b.title),
  );
}
