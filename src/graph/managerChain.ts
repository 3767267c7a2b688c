/**
 * Who a person reports to, all the way up, from the directory: matching uses
 * it to keep mentors out of their mentee's own reporting line.
 */
import type { DirectoryObject } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './graphClient';
import { GraphError } from './graphError';

/**
 * Entra object ids of the user's manager, that manager's manager, and so on,
 * nearest first. Ends where Graph has no manager, on a cycle (directories can
 * hold one), or after `maxDepth` steps. Any other Graph failure is thrown:
 * the caller decides what an unknown chain means.
 */
export async function managerChain(client: GraphClient, userObjectId: string, maxDepth = 10): Promise<string[]> {
  const chain: string[] = [];
  const seen = new Set([userObjectId.toLowerCase()]);
  let current = userObjectId;
  while (chain.length < maxDepth) {
    const manager = await managerOf(client, current);
    if (!manager) break;
    const key = manager.toLowerCase();
    if (seen.has(key)) break;
    seen.add(key);
    chain.push(manager);
    current = manager;
  }
  return chain;
}

async function managerOf(client: GraphClient, userObjectId: string): Promise<string | undefined> {
  try {
    const manager = await client.get<DirectoryObject>(`/users/${encodeURIComponent(userObjectId)}/manager`, {
      query: { $select: 'id' },
    });
    return manager.id ?? undefined;
  } catch (error) {
    if (error instanceof GraphError && error.status === 404 && error.code === 'Request_ResourceNotFound') return undefined;
    throw error;
  }
}
