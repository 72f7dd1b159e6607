import { describe, it, expect } from 'vitest';
import { buildProgram, changeCause } from '../../src/cli/main.js';
import { Ctx } from '../../src/cli/context.js';

const cmd = (name: string) => buildProgram(new Ctx([], [])).commands.find((c) => c.name() === name)!;

describe('change-cause (what --record writes)', () => {
  it.each([
    ['create', ['create', '-f', 'vote-deployment.yaml', '--record=true'], 'kbx create --filename=vote-deployment.yaml --record=true'],
    ['create', ['create', '-f', 'vote.yaml', '--record'], 'kbx create --filename=vote.yaml --record=true'],
    ['set', ['set', 'image', 'deployment/vote-deploy', 'vote=instavote/vote:indent'], 'kbx set image deployment/vote-deploy vote=instavote/vote:indent'],
    ['scale', ['scale', 'deploy/web', '--replicas=5', '--record'], 'kbx scale deploy/web --replicas=5 --record=true'],
    ['apply', ['apply', '-n', 'team', '-f', 'x.yaml'], 'kbx apply --namespace=team --filename=x.yaml'],
  ])('%s %j', (verb, argv, want) => expect(changeCause(verb, cmd(verb), argv)).toBe(want));
});
