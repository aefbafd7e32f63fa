package dev.wirelab.chat.socketio.cluster;

import dev.wirelab.chat.socketio.AdapterFactory;

/** An adapter factory that holds connections to a cluster's broker: close it after the server. */
public interface ClusterAdapterFactory extends AdapterFactory, AutoCloseable {
  @Override
  void close();
}
