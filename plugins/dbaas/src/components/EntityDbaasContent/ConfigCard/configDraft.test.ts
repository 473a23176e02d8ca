import { changeRequest, configProblems, draftOf } from './configDraft';

const instance = {
  maxmemoryPolicy: 'noeviction' as const,
  config: { hz: '20' },
};

describe('the configuration draft', () => {
  it("shows the instance's values, the defaults where it sets none", () => {
    const draft = draftOf(instance);
    expect(draft['maxmemory-policy']).toBe('noeviction');
    expect(draft.hz).toBe('20');
    expect(draft.timeout).toBe('0');
    expect(configProblems(draft)).toEqual({});
  });

  it('asks for nothing when nothing was edited', () => {
    expect(changeRequest(instance, draftOf(instance))).toBeUndefined();
  });

  it('sends the policy on its own field, and the whole map with the edits', () => {
    const draft = {
      ...draftOf(instance),
      'maxmemory-policy': 'allkeys-lru',
      timeout: '60',
    };
    expect(changeRequest(instance, draft)).toEqual({
      maxmemoryPolicy: 'allkeys-lru',
      config: { hz: '20', timeout: '60' },
    });
    expect(
      changeRequest(instance, {
        ...draftOf(instance),
        'maxmemory-policy': 'allkeys-lfu',
      }),
    ).toEqual({ maxmemoryPolicy: 'allkeys-lfu' });
  });

  it('words a bad value with the rule', () => {
    expect(configProblems({ ...draftOf(instance), hz: '0' })).toEqual({
      hz: 'must be a whole number from 1 to 500',
    });
  });
});
