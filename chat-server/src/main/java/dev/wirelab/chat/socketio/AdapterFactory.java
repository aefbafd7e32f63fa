package dev.wirelab.chat.socketio;

import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalDelivery;

/** Creates the adapter of each namespace; a cluster adapter plugs in here. */
@FunctionalInterface
public interface AdapterFactory {
  /** The default: rooms and the recovery log in this process's memory. */
  AdapterFactory IN_MEMORY = (namespace, delivery, options) ->
      new InMemoryAdapter(delivery, options.recovery(), options.clock());

  Adapter create(String namespace, LocalDelivery delivery, SocketIoOptions options);
}
