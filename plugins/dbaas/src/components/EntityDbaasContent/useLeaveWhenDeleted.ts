import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { isNotFoundError } from '../../api';
import { useFleetPageLink } from './useFleetPageLink';

/**
 * Goes to the fleet page once an instance this view has shown is gone
 * (the API answers 404): deleted from this tab, another tab or the API.
 * Whichever of the tab's polls notices first, the page does not stay on
 * an empty tab. An instance that was never shown is left to say so.
 */
export function useLeaveWhenDeleted(
  instance: Instance | undefined,
  error: Error | undefined,
): void {
  const navigate = useNavigate();
  const fleetPage = useFleetPageLink();
  const shown = useRef(false);
  if (instance) shown.current = true;
  const gone = shown.current && isNotFoundError(error);
  useEffect(() => {
    if (gone && fleetPage) navigate(fleetPage);
  }, [gone, fleetPage, navigate]);
}
