import { startTab } from '../shell/startTab';
import { SidePanel } from './SidePanel';

void startTab((api) => <SidePanel api={api} relationshipId={new URLSearchParams(window.location.search).get('relationship') ?? undefined} />);
