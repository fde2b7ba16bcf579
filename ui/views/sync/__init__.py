"""Views of laptop sync: the laptops page under 设置 and the conflicts badge on 工作台."""
